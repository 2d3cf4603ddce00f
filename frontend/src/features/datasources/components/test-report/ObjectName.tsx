import type { ClipboardEvent } from 'react';
import { useMessages } from '@/lib/i18n/i18n-context';

/** C0 controls and DEL: legal inside a quoted PostgreSQL name, invisible (or layout-breaking) as they are. */
// eslint-disable-next-line no-control-regex -- finding these characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The Control Pictures block draws each C0 control as a symbol (U+2400 + code); DEL is U+2421. */
function picture(character: string): string {
  const code = character.charCodeAt(0);
  return String.fromCharCode(code === 0x7f ? 0x2421 : 0x2400 + code);
}

/**
 * An object's name exactly as the server quoted it, with control characters drawn as visible symbols
 * so that a tab or newline in a name neither hides nor breaks the line. Copying copies the raw name,
 * as SQL needs it.
 */
export function ObjectName({ name }: { name: string }) {
  const m = useMessages();
  if (!CONTROL.test(name)) {
    return <code className="affected-objects__name">{name}</code>;
  }
  const copyRaw = (event: ClipboardEvent<HTMLElement>) => {
    event.clipboardData.setData('text/plain', name);
    event.preventDefault();
  };
  return (
    <code className="affected-objects__name" title={m.readiness.controlCharacter} onCopy={copyRaw}>
      {Array.from(name).map((character, index) =>
        CONTROL.test(character) ? (
          <span key={index} className="affected-objects__control" aria-label={m.readiness.controlCharacter}>
            {picture(character)}
          </span>
        ) : (
          character
        ),
      )}
    </code>
  );
}
