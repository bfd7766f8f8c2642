/** One rejected field, in the shape Spring Boot's error JSON lists binding errors. */
export interface ValidationProblem {
  field: string;
  rejectedValue: unknown;
  defaultMessage: string;
  code: string;
}
