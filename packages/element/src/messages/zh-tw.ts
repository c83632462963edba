import type { Messages } from './types.js';

export const zhTW: Messages = {
  start: '驗證身分',
  retry: '重試',
  starting: '正在開始驗證…',
  redirecting: '正在開啟驗證頁面…',
  checking: '正在查詢驗證結果…',
  passed: '身分驗證成功',
  failed: '驗證失敗',
  incomplete: '驗證未完成',
  expired: '驗證工作階段已過期',
  error: '發生問題',
  reason: {
    liveness: '無法確認為真人。請在光線充足處正對鏡頭，並依照畫面提示操作。',
    faceMismatch: '臉部與參考照片不相符。',
    imageQuality: '鏡頭畫面不夠清晰。請確保整張臉完整可見、光線充足並位於畫面中央。',
    timeout: '驗證逾時，未能完成。',
    quit: '驗證在完成前已被取消。',
    notFinished: '您在完成驗證前離開了驗證頁面。',
    expired: '驗證連結已失效，請重新開始。',
    other: '驗證未能完成，請重試。',
  },
  errorReason: {
    network: '無法連線至驗證服務。請檢查網路後重試。',
    timeout: '驗證服務回應逾時。',
    session: '此驗證工作階段在目前的瀏覽器中無效，請重新開始。',
    config: '此頁面的驗證設定不正確。',
    busy: '目前請求過多，請稍後再試。',
    server: '驗證服務發生問題，請重試。',
  },
};
