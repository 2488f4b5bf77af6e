import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dateWithWeekday, parseTypedDate } from '../../format/deadline';

type DateFieldProps = Omit<TextInputProps, 'value' | 'onChange'> & {
  value?: string;
  onChange?: (event: React.ChangeEvent<HTMLInputElement>) => void;
};

/**
 * A date typed as dd-mm-yyyy (also d-m-yyyy, with / or .), the way Benelux documents print it.
 * Once the text is a real day, the description shows it with its weekday, so a typing slip shows.
 */
export function DateField({ value = '', description, ...props }: DateFieldProps) {
  const { t } = useTranslation();
  const parsed = parseTypedDate(value);
  const shown = parsed ? dateWithWeekday(t, parsed) : description;
  return (
    <TextInput
      {...props}
      value={value}
      description={shown}
      placeholder={t('dates.placeholder')}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      maxLength={10}
    />
  );
}
