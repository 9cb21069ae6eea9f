/**
 * The confirmation every consequential step in our panels asks for (a workflow transition, a
 * fact-check verdict): what will happen, the note that goes with it, and — when something is
 * still missing — why the action is disabled. One component, so both panels ask the same way.
 */
import type { ReactNode } from 'react';
import { Button, Dialog, Flex, Typography } from '@strapi/design-system';

export interface ConfirmDialogProps {
  /** The action's name: the dialog's title and its confirm button. */
  title: string;
  /** What will happen, in one sentence. */
  question: string;
  /** More lines under the question (a scheduled time, say). */
  children?: ReactNode;
  /** The note typed in the panel, shown as `noteLabel: note` when not blank. */
  note?: { label: string; text: string };
  /** Why the action cannot be taken yet; the confirm button is disabled while set. */
  missing?: string;
  cancelLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  /** `data-testid` of the body; the confirm button's is `${testId}-action`. */
  testId: string;
}

/** Rendered only while a step awaits confirmation: mount it as `{confirming && <ConfirmDialog … />}`. */
export const ConfirmDialog = ({ title, question, children, note, missing, cancelLabel, onConfirm, onClose, testId }: ConfirmDialogProps) => (
  <Dialog.Root open onOpenChange={(open: boolean) => !open && onClose()}>
    <Dialog.Content>
      <Dialog.Header>{title}</Dialog.Header>
      <Dialog.Body>
        <Flex direction="column" alignItems="stretch" gap={2} data-testid={testId}>
          <Typography tag="p">{question}</Typography>
          {children}
          {note && note.text.trim() && (
            <Typography tag="p" textColor="neutral600">
              {note.label}: {note.text.trim()}
            </Typography>
          )}
          {missing && (
            <Typography tag="p" textColor="danger600" data-testid={`${testId}-missing`}>
              {missing}
            </Typography>
          )}
        </Flex>
      </Dialog.Body>
      <Dialog.Footer>
        <Dialog.Cancel>
          <Button fullWidth variant="tertiary">
            {cancelLabel}
          </Button>
        </Dialog.Cancel>
        <Dialog.Action>
          <Button fullWidth data-testid={`${testId}-action`} disabled={Boolean(missing)} onClick={onConfirm}>
            {title}
          </Button>
        </Dialog.Action>
      </Dialog.Footer>
    </Dialog.Content>
  </Dialog.Root>
);
