import type { Messages } from './types.js';

export const zhCN: Messages = {
  start: '验证身份',
  retry: '重试',
  starting: '正在开始验证…',
  redirecting: '正在打开验证页面…',
  checking: '正在查询验证结果…',
  passed: '身份验证成功',
  failed: '验证失败',
  incomplete: '验证未完成',
  expired: '验证会话已过期',
  error: '出现问题',
  reason: {
    liveness: '未能确认为真人。请在光线充足处正对摄像头，并按屏幕提示操作。',
    faceMismatch: '人脸与参考照片不匹配。',
    imageQuality: '摄像头画面不够清晰。请确保整张脸完整可见、光线充足并位于画面中央。',
    timeout: '验证超时，未能完成。',
    quit: '验证在完成前已被取消。',
    notFinished: '您在完成验证前离开了验证页面。',
    expired: '验证链接已失效，请重新开始。',
    other: '验证未能完成，请重试。',
  },
  errorReason: {
    network: '无法连接验证服务。请检查网络后重试。',
    timeout: '验证服务响应超时。',
    session: '此验证会话在当前浏览器中无效，请重新开始。',
    config: '此页面的验证配置不正确。',
    busy: '当前请求过多，请稍后重试。',
    server: '验证服务出现问题，请重试。',
  },
};
