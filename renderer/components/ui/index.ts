/** The UI kit: dialogs, form fields, selects, confirmations. Features build their forms from these. */
export { Dialog, DialogFooter, FormDialog, closeDialog, type DialogProps, type FormDialogProps } from './Dialog';
export { Field, NumberField, SelectField, TextAreaField, TextField, type FieldIds } from './Field';
export { Select, type Choice, type Option, type OptionAttrs, type OptionGroup, type SelectProps } from './Select';
export { ConfirmDialog, useConfirm, type Confirm, type ConfirmOptions } from './confirm';
export { ActionDialog } from './ActionDialog';
export { useDialogAction } from './dialog-action';
