import type { Messages } from './types.js';

export const zhCN: Messages = {
  start: '验证身份',
  retry: '重试',
  starting: '正在打开验证…',
  checking: '正在查询结果…',
  passed: '身份验证成功',
  failed: '验证失败',
  incomplete: '验证未完成',
  expired: '验证会话已过期',
  error: '出现问题',
  startOver: '重新开始',
  continueOnPhone: '在手机上继续',
  inTab: '请在新标签页中完成验证…',
  waitingForPhone: '正在等待您的手机…',
  scanQr: '请用手机相机扫描此二维码，或在手机上打开链接。',
  qrLabel: '在手机上继续的链接二维码',
  copyLink: '复制链接',
  copied: '链接已复制',
  reason: {
    liveness: '未能确认为真人。请在光线充足处正对摄像头。',
    faceMismatch: '人脸与参考照片不匹配。',
    imageQuality: '画面不清晰。请露出整张脸并保持光线充足。',
    timeout: '验证超时。',
    quit: '验证已取消。',
    notFinished: '您未完成验证就离开了。',
  },
  errorReason: {
    network: '验证服务无响应。请检查网络。',
    popup: '请允许此网站弹出窗口，然后重试。',
  },
};
