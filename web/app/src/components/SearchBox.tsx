import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from './useDebouncedValue';

interface Props {
  /** The search applied now (from the URL). */
  value: string | undefined;
  onSearch: (q: string) => void;
  placeholder: string;
  testId: string;
  icon?: ReactNode;
  /** A search box (the default), or a plain filter field. */
  role?: 'searchbox' | 'textbox';
}

/** Searches as you type (debounced) or on Enter; at most 100 characters, like the API accepts. */
export function SearchBox({ value, onSearch, placeholder, testId, icon, role = 'searchbox' }: Props) {
  const [text, setText] = useState(value ?? '');
  const pushed = useRef(value ?? '');
  const debounced = useDebouncedValue(text, 300);

  const push = (q: string) => {
    const trimmed = q.trim();
    if (trimmed === pushed.current) return;
    pushed.current = trimmed;
    onSearch(trimmed);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled input triggers a search
  useEffect(() => push(debounced), [debounced]);

  // The URL changed from elsewhere (filters cleared, back button): show what is applied.
  useEffect(() => {
    if ((value ?? '') !== pushed.current) {
      pushed.current = value ?? '';
      setText(value ?? '');
    }
  }, [value]);

  return (
    <Input
      data-testid={testId}
      type={role === 'searchbox' ? 'search' : 'text'}
      aria-label={placeholder}
      allowClear
      maxLength={100}
      prefix={icon ?? <SearchOutlined />}
      placeholder={placeholder}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onPressEnter={() => push(text)}
      style={{ width: '100%' }}
    />
  );
}
