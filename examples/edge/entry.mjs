export { default } from '@faceid-verify/proxy/handler';
