/** `ApplyWebVerificationBizTokenIntl` (faceid-api.md §3.1): issues a BizToken and its VerificationURL. */
import {
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalObject,
  optionalString,
  requiredHttpUrl,
  valueError,
  type Params,
} from '../params.js';
import { INTL_REGIONS, verificationUrl, type ActionDefinition } from './action.js';

const LANGUAGES = ['en', 'th', 'zh-cn', 'zh-tc', 'id'] as const;
export const DEFAULT_THEME_COLOR = '#2d72f1';
/** 8 MB of base64 (faceid-api.md §3.1). */
const MAX_COMPARE_IMAGE_BASE64 = 8 * 1024 * 1024;

interface WebConfig {
  checkMode: number;
  language: string;
  themeColor: string;
}

/** Reads `Config` (WebVerificationConfigIntl); unknown members pass, known ones are type-checked. */
function readConfig(config: Params | undefined): WebConfig {
  if (!config) return { checkMode: 2, language: 'en', themeColor: DEFAULT_THEME_COLOR };
  for (const flag of ['AutoSkipStartPage', 'AutoSkip', 'DisableCheckOcrWarnings', 'SkipPrivacyPolicy']) {
    optionalBoolean(config, flag);
  }
  optionalInteger(config, 'SecurityLevel', 1, 5);
  optionalInteger(config, 'LivenessRetryLimit', 1, 99);
  optionalInteger(config, 'LivenessTimeout', 1, 600);
  optionalInteger(config, 'AutoDowngrade', 1, 2);
  const themeColor = optionalString(config, 'ThemeColor');
  return {
    checkMode: optionalInteger(config, 'CheckMode', 1, 4) ?? 2,
    language: optionalEnum(config, 'Language', LANGUAGES) ?? 'en',
    // Tencent falls back to the default for an invalid colour rather than failing.
    themeColor: themeColor && /^#[0-9a-fA-F]{6}$/.test(themeColor) ? themeColor.toLowerCase() : DEFAULT_THEME_COLOR,
  };
}

export const applyWebVerificationBizTokenIntl: ActionDefinition = {
  regions: INTL_REGIONS,
  handle(params, { store, now, region, publicUrl, bizTokenTtlMs }) {
    const redirectUrl = requiredHttpUrl(params, 'RedirectURL');
    const extra = optionalString(params, 'Extra', 1000);
    optionalString(params, 'RuleId');
    const image = optionalString(params, 'CompareImageBase64');
    if (image !== undefined && image.length > MAX_COMPARE_IMAGE_BASE64)
      throw valueError('CompareImageBase64', 'over 8 MB');
    const config = readConfig(optionalObject(params, 'Config'));
    const flow = store.issue(
      { kind: 'web-intl', region, startTtlMs: bizTokenTtlMs, redirectUrl, extra: extra ?? null, ...config },
      now,
    );
    const url = verificationUrl(publicUrl, flow.token);
    return { BizToken: flow.token, VerificationURL: url, VerificationUrl: url };
  },
};
