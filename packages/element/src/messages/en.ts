import type { Messages } from './types.js';

export const en: Messages = {
  start: 'Verify identity',
  retry: 'Try again',
  starting: 'Starting verification…',
  redirecting: 'Opening the verification page…',
  checking: 'Checking your result…',
  passed: 'Identity verified',
  failed: 'Verification failed',
  incomplete: 'Verification not completed',
  expired: 'Verification session expired',
  error: 'Something went wrong',
  reason: {
    liveness: 'We could not confirm a live person. Face the camera in good light and follow the prompts on the screen.',
    faceMismatch: 'Your face did not match the reference photo.',
    imageQuality: 'The camera image was not clear enough. Keep your whole face visible, well lit and centred.',
    timeout: 'The verification timed out before it was finished.',
    quit: 'The verification was cancelled before it was finished.',
    notFinished: 'You left the verification page before finishing.',
    expired: 'The verification link is no longer valid. Please start again.',
    other: 'The verification could not be completed. Please try again.',
  },
  errorReason: {
    network: 'The verification service could not be reached. Check your connection and try again.',
    timeout: 'The verification service took too long to answer.',
    session: 'This verification session is not valid in this browser. Please start again.',
    config: 'Verification is not set up correctly on this page.',
    busy: 'Too many requests right now. Please wait a moment and try again.',
    server: 'The verification service had a problem. Please try again.',
  },
};
