# Your server's webhook endpoint for faceid-proxy, Python standard library only (Standard Webhooks, v1 signatures).
# FACEID_WEBHOOK_SECRET is the same whsec_... secret the proxy signs with.
import base64, hashlib, hmac, json, os, time
from http.server import BaseHTTPRequestHandler, HTTPServer

SECRET = base64.b64decode(os.environ["FACEID_WEBHOOK_SECRET"].split(",")[0].strip().removeprefix("whsec_"))
TOLERANCE_S = 5 * 60
MAX_BODY_BYTES = 64 * 1024
processed = set()  # deliveries are at least once: keep the webhook-ids you handled (in your database)


def verify(headers, body: bytes) -> dict:
    msg_id, timestamp = headers.get("webhook-id", ""), headers.get("webhook-timestamp", "")
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > TOLERANCE_S:
        raise ValueError("stale or missing webhook-timestamp")
    signed = f"{msg_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(SECRET, signed, hashlib.sha256).digest()).decode()
    for part in headers.get("webhook-signature", "").split(" "):
        version, _, signature = part.partition(",")
        if version == "v1" and hmac.compare_digest(signature, expected):
            return json.loads(body)
    raise ValueError("no valid signature")


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("content-length") or 0)
        if length > MAX_BODY_BYTES:
            return self.answer(413)
        try:
            event = verify(self.headers, self.rfile.read(length))
        except ValueError:
            return self.answer(400)
        msg_id = self.headers["webhook-id"]
        if msg_id not in processed:
            processed.add(msg_id)
            # event["data"]["reference"] is the reference your beforeSession gave (your user id).
            data = event.get("data") or {}
            print(json.dumps({"id": msg_id, "type": event.get("type"), "reference": data.get("reference"), "status": data.get("status")}), flush=True)
        self.answer(204)

    def answer(self, status):
        self.send_response(status)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


server = HTTPServer(("127.0.0.1", int(os.environ.get("PORT", "3000"))), Receiver)
print(f"listening on http://127.0.0.1:{server.server_port}", flush=True)
server.serve_forever()
