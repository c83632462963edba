'use client';
// The element through the FaceIdVerify wrapper: on a hydrated page it delivers every result to onResult exactly
// once, also one that settled before React attached its listeners. (A direct JSX listener, `onfaceid-result` on
// <faceid-verify>, can miss it there: react#35446.) The result is advisory: decide on your server.
import type { WebVerificationResult } from '@faceid-verify/element';
import { FaceIdVerify } from '@faceid-verify/element/react';
import { useEffect, useState } from 'react';

const COUNT_KEY = 'example.results-delivered';

export function Verify() {
  const [delivered, setDelivered] = useState<number | null>(null);
  const [last, setLast] = useState<WebVerificationResult | null>(null);
  useEffect(() => setDelivered((count) => count ?? Number(sessionStorage.getItem(COUNT_KEY) ?? 0)), []);

  const onResult = (event: CustomEvent<WebVerificationResult>) => {
    const count = Number(sessionStorage.getItem(COUNT_KEY) ?? 0) + 1;
    sessionStorage.setItem(COUNT_KEY, String(count));
    setDelivered(count);
    setLast(event.detail);
  };

  return (
    <>
      <FaceIdVerify proxy="/faceid" onResult={onResult} />
      <p>Results delivered: {delivered ?? '…'}</p>
      {last && <p>Last status: {last.status}</p>}
    </>
  );
}
