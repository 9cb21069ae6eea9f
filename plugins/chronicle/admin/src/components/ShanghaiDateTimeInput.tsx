/**
 * The Content Manager's datetime input, in Beijing time. Strapi's picker shows an instant in
 * the browser's zone (上午9时 was 01:00 on a UTC laptop, 20:00 the day before in New York);
 * this one is typed as "YYYY-MM-DD HH:mm" Beijing time, 24-hour, shows the stored instant
 * read back in the admin's language, and stores it as UTC like Strapi's (ISO string).
 */
import { forwardRef, memo, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useField } from '@strapi/strapi/admin';
import { Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { PLUGIN_ID } from '../pluginId';
import { inLanguage } from '../utils/language';
import { formatShanghai, fromShanghaiInput, toShanghaiInput } from '../utils/shanghai-time';

interface Props {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
  labelAction?: React.ReactNode;
}

const Input = forwardRef<HTMLInputElement, Props>(({ name, label, hint, required, disabled, labelAction }, ref) => {
  const { formatMessage, locale } = useIntl();
  const field = useField<string | null>(name);
  const stored = typeof field.value === 'string' ? field.value : null;
  const [text, setText] = useState(() => toShanghaiInput(stored));
  const [invalid, setInvalid] = useState(false);

  // A reload or a restore replaces the stored value: show it unless the user is mid-edit.
  useEffect(() => {
    const typed = fromShanghaiInput(text);
    if (typed === 'invalid' || typed !== stored) {
      setText(toShanghaiInput(stored));
      setInvalid(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored]);

  const onChange = (value: string) => {
    setText(value);
    const parsed = fromShanghaiInput(value);
    if (parsed === 'invalid') {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (parsed !== stored) field.onChange(name, parsed);
  };

  const t = (id: string, defaultMessage: string) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage });
  const error = invalid ? t('datetime.invalid', 'Write the time as YYYY-MM-DD HH:mm (Beijing time)') : field.error;
  return (
    <Field.Root name={name} hint={hint ? inLanguage(hint, locale) : undefined} required={required} error={error}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      <TextInput
        ref={ref}
        value={text}
        disabled={disabled}
        placeholder="YYYY-MM-DD HH:mm"
        inputMode="numeric"
        data-testid={`shanghai-datetime-${name}`}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        endAction={
          <Typography variant="pi" textColor="neutral600">
            {t('datetime.zone', 'Beijing time')}
          </Typography>
        }
      />
      <Flex gap={2}>
        <Field.Hint />
        {stored && !invalid && (
          <Typography variant="pi" textColor="neutral600" data-testid={`shanghai-datetime-reading-${name}`}>
            {formatShanghai(stored, locale)}
          </Typography>
        )}
      </Flex>
      <Field.Error />
    </Field.Root>
  );
});

export const ShanghaiDateTimeInput = memo(Input);
