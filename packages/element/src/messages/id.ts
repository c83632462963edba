import type { Messages } from './types.js';

export const id: Messages = {
  start: 'Verifikasi identitas',
  retry: 'Coba lagi',
  starting: 'Membuka verifikasi…',
  checking: 'Memeriksa hasil…',
  passed: 'Identitas terverifikasi',
  failed: 'Verifikasi gagal',
  incomplete: 'Verifikasi belum selesai',
  expired: 'Sesi verifikasi telah kedaluwarsa',
  error: 'Terjadi kesalahan',
  startOver: 'Mulai ulang',
  continueOnPhone: 'Lanjutkan di ponsel',
  inTab: 'Selesaikan verifikasi di tab baru…',
  waitingForPhone: 'Menunggu ponsel Anda…',
  scanQr: 'Pindai kode ini dengan kamera ponsel, atau buka tautannya di ponsel Anda.',
  qrLabel: 'Kode QR tautan untuk melanjutkan di ponsel',
  copyLink: 'Salin tautan',
  copied: 'Tautan disalin',
  reason: {
    liveness: 'Tidak dapat memastikan orang sungguhan. Hadapkan wajah ke kamera di tempat terang.',
    faceMismatch: 'Wajah Anda tidak cocok dengan foto acuan.',
    imageQuality: 'Gambar kurang jelas. Pastikan seluruh wajah terlihat dan cukup terang.',
    timeout: 'Waktu verifikasi habis.',
    quit: 'Verifikasi dibatalkan.',
    notFinished: 'Anda pergi sebelum selesai.',
  },
  errorReason: {
    network: 'Layanan verifikasi tidak merespons. Periksa koneksi Anda.',
    popup: 'Izinkan pop-up untuk situs ini, lalu coba lagi.',
  },
};
