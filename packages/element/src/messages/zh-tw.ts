import type { Messages } from './types.js';

export const zhTW: Messages = {
  start: '驗證身分',
  retry: '重試',
  starting: '正在開啟驗證…',
  checking: '正在查詢結果…',
  passed: '身分驗證成功',
  failed: '驗證失敗',
  incomplete: '驗證未完成',
  expired: '驗證工作階段已過期',
  error: '發生問題',
  startOver: '重新開始',
  continueOnPhone: '在手機上繼續',
  inTab: '請在新分頁中完成驗證…',
  waitingForPhone: '正在等待您的手機…',
  scanQr: '請用手機相機掃描此 QR 碼，或在手機上開啟連結。',
  qrLabel: '在手機上繼續的連結 QR 碼',
  copyLink: '複製連結',
  copied: '已複製連結',
  reason: {
    liveness: '無法確認為真人。請在光線充足處正對鏡頭。',
    faceMismatch: '臉部與參考照片不相符。',
    imageQuality: '畫面不清晰。請露出整張臉並保持光線充足。',
    timeout: '驗證逾時。',
    quit: '驗證已取消。',
    notFinished: '您未完成驗證就離開了。',
  },
  errorReason: {
    network: '驗證服務無回應。請檢查網路。',
    popup: '請允許此網站開啟彈出式視窗，然後再試一次。',
  },
};
