/** The Electron main process's own words (menu, About box, file dialog, start-up refusals), in English. */
import type { Locale } from '../shape';
import type ru from '../ru/appMenu';

const en: Locale<typeof ru> = {
  appName: 'Skhod',
  menu: {
    file: 'File',
    openJurorPackage: 'I am an expert: open an expert package…',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    reload: 'Reload',
    devTools: 'Developer tools',
    zoom: 'Zoom',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    resetZoom: 'Actual size',
    fullScreen: 'Full screen',
    help: 'Help',
    about: 'About',
    hide: 'Hide',
  },
  about: {
    title: 'About',
    message: '{{app}}, version {{version}}',
    detail: 'Conference registration and the project contest. Works without the internet.',
    close: 'Close',
  },
  jurorPackage: {
    title: 'Expert package',
    filter: 'Skhod expert package',
  },
  start: {
    refusedTitle: 'Skhod did not start',
    refused:
      'Skhod was started with a debugging option ({{switches}}) that would let another program read and change participants’ data. Start Skhod with its usual shortcut, without extra options; if you did not create the shortcut, tell the organizer.',
    failedTitle: 'Skhod could not start',
    failed: 'The application could not start. Reinstall it or tell the developers.',
  },
};
export default en;
