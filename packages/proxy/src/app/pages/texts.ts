/** The hosted page languages (`Config.Language`, faceid-api.md §3.1), which the proxy's own pages speak too. */
export type PageLanguage = 'en' | 'zh-cn' | 'zh-tc' | 'th' | 'id';

/** Every text of the proxy's pages, per language. A language missing a key is a type error. */
export interface PageTexts {
  /** `<html lang>`. */
  htmlLang: string;
  returnTitle: string;
  returnText: string;
  doneTitle: string;
  doneText: string;
  expiredTitle: string;
  expiredText: string;
}

export const PAGE_TEXTS: Record<PageLanguage, PageTexts> = {
  en: {
    htmlLang: 'en',
    returnTitle: 'You can close this tab',
    returnText: 'Go back to the first tab to see the result.',
    doneTitle: 'Done — return to your computer',
    doneText: 'You can close this page. Your computer shows what happens next.',
    expiredTitle: 'This link has expired',
    expiredText: 'Start the verification again on your computer to get a new QR code.',
  },
  'zh-cn': {
    htmlLang: 'zh-CN',
    returnTitle: '您可以关闭此标签页',
    returnText: '请返回第一个标签页查看结果。',
    doneTitle: '已完成，请返回您的电脑',
    doneText: '您可以关闭此页面。您的电脑将显示后续步骤。',
    expiredTitle: '此链接已过期',
    expiredText: '请在电脑上重新开始验证，以获取新的二维码。',
  },
  'zh-tc': {
    htmlLang: 'zh-TW',
    returnTitle: '您可以關閉此分頁',
    returnText: '請返回第一個分頁查看結果。',
    doneTitle: '已完成，請返回您的電腦',
    doneText: '您可以關閉此頁面。您的電腦將顯示後續步驟。',
    expiredTitle: '此連結已過期',
    expiredText: '請在電腦上重新開始驗證，以取得新的 QR 碼。',
  },
  th: {
    htmlLang: 'th',
    returnTitle: 'คุณปิดแท็บนี้ได้แล้ว',
    returnText: 'กลับไปที่แท็บแรกเพื่อดูผล',
    doneTitle: 'เสร็จแล้ว โปรดกลับไปที่คอมพิวเตอร์ของคุณ',
    doneText: 'คุณปิดหน้านี้ได้ คอมพิวเตอร์ของคุณจะแสดงขั้นตอนถัดไป',
    expiredTitle: 'ลิงก์นี้หมดอายุแล้ว',
    expiredText: 'เริ่มการยืนยันใหม่บนคอมพิวเตอร์เพื่อรับคิวอาร์โค้ดใหม่',
  },
  id: {
    htmlLang: 'id',
    returnTitle: 'Anda dapat menutup tab ini',
    returnText: 'Kembali ke tab pertama untuk melihat hasilnya.',
    doneTitle: 'Selesai — kembali ke komputer Anda',
    doneText: 'Anda dapat menutup halaman ini. Komputer Anda menampilkan langkah berikutnya.',
    expiredTitle: 'Tautan ini telah kedaluwarsa',
    expiredText: 'Mulai lagi verifikasi di komputer Anda untuk mendapatkan kode QR baru.',
  },
};

/** The page language for a value from a query or a stored session, leniently: unknown or missing → en. */
export function pageLanguage(value: string | null | undefined): PageLanguage {
  const lower = value?.toLowerCase() ?? '';
  return Object.hasOwn(PAGE_TEXTS, lower) ? (lower as PageLanguage) : 'en';
}
