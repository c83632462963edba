/**
 * The one error of bad configuration. `option` is the dot path of the option at fault (`bindingSecret`,
 * `credentials.secretKey`); `EnvError` adds the environment variable that set it. Both are `TypeError`s, thrown at
 * construction or start-up, never while serving.
 */

export class ConfigError extends TypeError {
  override name = 'ConfigError';
  /**
   * @param option dot path of the option, e.g. `rateLimit.limit`.
   * @param detail what is wrong, without the option's name or value: `must be at least 32 bytes outside sandbox`.
   * @param message default `createFaceIdProxy: option "<option>" <detail>`.
   */
  constructor(
    readonly option: string,
    readonly detail: string,
    message = `createFaceIdProxy: option "${option}" ${detail}`,
  ) {
    super(message);
  }
}

/** A configuration error of an environment variable: message `<VARIABLE> <detail>`, never the value of a secret. */
export class EnvError extends ConfigError {
  override name = 'EnvError';
  constructor(
    readonly variable: string,
    option: string,
    detail: string,
  ) {
    super(option, detail, `${variable} ${detail}`);
  }
}
