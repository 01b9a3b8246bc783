/**
 * The error code the credentials provider throws for a locked account, and its reading on the login
 * form: next-auth passes only a string through, so the minutes left travel inside it.
 */
const LOCKED_PREFIX = "ACCOUNT_LOCKED:";

export function lockedError(until: Date, now = new Date()): string {
  return LOCKED_PREFIX + Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

/** The message the login form shows for next-auth's `error`. */
export function signInErrorMessage(error: string | null | undefined, status?: number): string {
  if (error?.startsWith(LOCKED_PREFIX)) {
    const minutes = Number(error.slice(LOCKED_PREFIX.length)) || 1;
    return `连续输错密码次数过多，账号已暂时锁定，请 ${minutes} 分钟后再试，或请管理员重置密码`;
  }
  if (status === 401 || error === "CredentialsSignin") return "用户名或密码错误";
  return "登录失败，请稍后重试";
}
