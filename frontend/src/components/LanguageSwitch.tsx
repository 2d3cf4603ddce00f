import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useI18n } from '@/lib/i18n/i18n-context';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '@/lib/i18n/languages';

export function LanguageSwitch() {
  const { language, setLanguage, messages } = useI18n();
  return (
    <Select<Language>
      aria-label={messages.app.language}
      value={language}
      onChange={setLanguage}
      options={LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
      prefix={<GlobalOutlined aria-hidden />}
      variant="borderless"
      popupMatchSelectWidth={false}
      className="language-switch"
    />
  );
}
