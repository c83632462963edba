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
  startOver: 'Start over',
  continueOnPhone: 'Continue on your phone',
  inTab: 'Finish the verification in the new tab…',
  waitingForPhone: 'Waiting for your phone…',
  scanQr: 'Scan this code with your phone’s camera, or open the link on your phone.',
  qrLabel: 'QR code of the link to continue on your phone',
  copyLink: 'Copy link',
  copied: 'Link copied',
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
    popup: 'Allow pop-ups for this site, then try again.',
  },
};
