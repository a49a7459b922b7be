import { Tag } from 'antd';

interface Props {
  tags: readonly string[] | undefined;
  /** Clicking a chip filters the list by that tag. */
  onSelect?: (tag: string) => void;
  active?: string;
}

export function TagList({ tags, onSelect, active }: Props) {
  if (!tags?.length) return null;
  return (
    <span className="tag-list">
      {tags.map((tag) =>
        onSelect ? (
          <Tag.CheckableTag
            key={tag}
            checked={tag === active}
            data-testid="tag-chip"
            onChange={() => onSelect(tag)}
            onClick={(event) => event.stopPropagation()}
          >
            {tag}
          </Tag.CheckableTag>
        ) : (
          <Tag key={tag} data-testid="tag-chip">
            {tag}
          </Tag>
        ),
      )}
    </span>
  );
}
