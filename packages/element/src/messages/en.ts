import type { Messages } from './types.js';

export const en: Messages = {
  start: 'Verify identity',
  retry: 'Try again',
  starting: 'Opening verification…',
  checking: 'Checking result…',
  passed: 'Identity verified',
  failed: 'Verification failed',
  incomplete: 'Verification not completed',
  expired: 'Verification session expired',
  error: 'Something went wrong',
  reason: {
    liveness: 'We could not confirm a live person. Face the camera in good light.',
    faceMismatch: 'Your face did not match the reference photo.',
    imageQuality: 'The camera image was unclear. Keep your whole face visible and well lit.',
    timeout: 'The verification timed out.',
    quit: 'The verification was cancelled.',
    notFinished: 'You left before finishing.',
  },
  errorReason: {
    network: 'The verification service did not answer. Check your connection.',
  },
};
