import type { Messages } from './types.js';

export const id: Messages = {
  start: 'Verifikasi identitas',
  retry: 'Coba lagi',
  starting: 'Memulai verifikasi…',
  redirecting: 'Membuka halaman verifikasi…',
  checking: 'Memeriksa hasil…',
  passed: 'Identitas terverifikasi',
  failed: 'Verifikasi gagal',
  incomplete: 'Verifikasi belum selesai',
  expired: 'Sesi verifikasi telah kedaluwarsa',
  error: 'Terjadi kesalahan',
  reason: {
    liveness:
      'Kami tidak dapat memastikan bahwa Anda orang sungguhan. Hadapkan wajah ke kamera di tempat yang terang dan ikuti petunjuk di layar.',
    faceMismatch: 'Wajah Anda tidak cocok dengan foto acuan.',
    imageQuality: 'Gambar kamera kurang jelas. Pastikan seluruh wajah terlihat, cukup terang, dan berada di tengah.',
    timeout: 'Waktu verifikasi habis sebelum selesai.',
    quit: 'Verifikasi dibatalkan sebelum selesai.',
    notFinished: 'Anda meninggalkan halaman verifikasi sebelum selesai.',
    expired: 'Tautan verifikasi sudah tidak berlaku. Silakan mulai lagi.',
    other: 'Verifikasi tidak dapat diselesaikan. Silakan coba lagi.',
  },
  errorReason: {
    network: 'Layanan verifikasi tidak dapat dihubungi. Periksa koneksi Anda dan coba lagi.',
    timeout: 'Layanan verifikasi terlalu lama merespons.',
    session: 'Sesi verifikasi ini tidak berlaku di browser ini. Silakan mulai lagi.',
    config: 'Verifikasi belum disiapkan dengan benar di halaman ini.',
    busy: 'Terlalu banyak permintaan saat ini. Tunggu sebentar lalu coba lagi.',
    server: 'Layanan verifikasi mengalami masalah. Silakan coba lagi.',
  },
};
