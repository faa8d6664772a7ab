// Small readers for hidden form fields that are not part of a form's schema.
/** The record version a form was loaded with; 0 when missing (always stale). */
export function versionFrom(formData: FormData): number {
  const version = Number(formData.get("version"));
  return Number.isInteger(version) && version > 0 ? version : 0;
}
