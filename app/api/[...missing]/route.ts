import { problemResponse } from "@/app/api/v1/_lib/problem";

/** An unknown API address answers in JSON like every API route, not with the app's 404 page. */
const missing = () => problemResponse(404, "没有这个接口");

export { missing as DELETE, missing as GET, missing as PATCH, missing as POST, missing as PUT };
