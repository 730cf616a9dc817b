rule "aws-fixture-sqs-sse" {
  title       = "SQS queue has server-side encryption turned off"
  severity    = "medium"
  area        = "data-protection"
  resources   = ["aws_sqs_queue"]
  description = "A rule of the output format tests."
  remediation = "Remove `sqs_managed_sse_enabled = false`."

  assert {
    attribute "sqs_managed_sse_enabled" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = "resource \"aws_sqs_queue\" \"a\" { sqs_managed_sse_enabled = false }"
  }

  example "good" {
    code = "resource \"aws_sqs_queue\" \"a\" {}"
  }
}
