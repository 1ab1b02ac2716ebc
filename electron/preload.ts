import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';
import { refuseAuxiliaryClicks, refuseFilePickers } from './filePickerGuard';

// Sandboxed preload: only contextBridge and ipcRenderer are used, and the page sees neither.
contextBridge.exposeInMainWorld('shubbak', createBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)));

refuseFilePickers(document);
refuseAuxiliaryClicks(document);
