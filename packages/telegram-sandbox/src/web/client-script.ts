import { CLIENT_APP } from './client-app';
import { CLIENT_RENDER } from './client-render';

/** The web chat's whole script, served as `/web/app.js`. */
export const CLIENT_SCRIPT = `${CLIENT_RENDER}\n${CLIENT_APP}`;
