/** A hash shown short (head…tail), in full on hover, and copied whole. */
import { Tooltip, Typography } from 'antd';

interface Props {
  value: string;
  /** Characters kept at the start; the last six are always kept. */
  head?: number;
}

export function shortHash(value: string, head = 8): string {
  return value.length > head + 8 ? `${value.slice(0, head)}…${value.slice(-6)}` : value;
}

export function HashText({ value, head }: Props) {
  return (
    <Typography.Text
      code
      copyable={{ text: value, tooltips: ['复制完整值', '已复制'] }}
      style={{ fontSize: 12, whiteSpace: 'nowrap' }}
    >
      <Tooltip
        title={<span style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{value}</span>}
        styles={{ root: { maxWidth: 420 } }}
      >
        <span data-full={value}>{shortHash(value, head)}</span>
      </Tooltip>
    </Typography.Text>
  );
}
