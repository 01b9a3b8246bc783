/**
 * The one answer of the login form to a refused sign-in. Wrong credentials, an unknown account and too many
 * attempts read alike, so the answer confirms neither an account nor a lock (docs/security.md).
 */
export const SIGN_IN_REFUSED = "用户名或密码错误，或尝试次数过多，请稍后再试";

/** The message the login form shows for next-auth's answer. */
export function signInErrorMessage(error: string | null | undefined, status?: number): string {
  if (status === 401 || error === "CredentialsSignin") return SIGN_IN_REFUSED;
  return "登录失败，请稍后重试";
}
