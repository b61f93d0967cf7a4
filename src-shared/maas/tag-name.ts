// Tag names (src/maasserver/models/tag.py: CharField(max_length=256, unique=True,
// validators=[RegexValidator('^[a-zA-Z0-9_-]+$')])). A tag name is also a URL path segment.
export const TAG_NAME_MAX = 256;
const TAG_NAME = /^[a-zA-Z0-9_-]+$/;

/** Null when `name` is a valid MAAS tag name, else what is wrong with it. */
export function tagNameProblem(name: string): string | null {
  if (name.length === 0) return 'A tag name cannot be empty.';
  if (name.length > TAG_NAME_MAX) return `A tag name is at most ${TAG_NAME_MAX} characters.`;
  if (!TAG_NAME.test(name)) return 'A tag name may contain only letters, digits, "_" and "-".';
  return null;
}

export const isValidTagName = (name: string): boolean => tagNameProblem(name) === null;
