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
  },
};
