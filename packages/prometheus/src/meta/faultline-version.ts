/** Reported in metrics labels; kept in step with package.json by the release process. */
export const faultlineVersion = '0.1.0';
