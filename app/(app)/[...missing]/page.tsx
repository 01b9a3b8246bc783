import { notFound } from "next/navigation";

/** Unknown addresses land here, so that their 404 renders inside the app's layout (app/(app)/not-found.tsx). */
export default function MissingPage(): never {
  notFound();
}
