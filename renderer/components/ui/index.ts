/** The UI kit: dialogs, form fields, confirmations. Features build their forms from these. */
export { Dialog, DialogFooter, FormDialog, closeDialog, type DialogProps, type FormDialogProps } from './Dialog';
export { Field, NumberField, SelectField, TextField, type FieldIds, type Option } from './Field';
export { ConfirmDialog, useConfirm, type Confirm, type ConfirmOptions } from './confirm';
export { ActionDialog } from './ActionDialog';
export { useDialogAction } from './dialog-action';
