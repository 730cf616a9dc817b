rule "aws-lambda-tracing" {
  title     = "Lambda function does not have active X-Ray tracing"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_lambda_function"]
  aliases   = ["CKV_AWS_50", "AVD-AWS-0066", "aws-lambda-enable-tracing"]

  description = <<-EOT
    X-Ray traces show which downstream services and addresses a function called, with timing and
    errors. They help tell a function abused to reach unexpected endpoints from normal behaviour,
    and reconstruct a request's path in an incident. `tracing_config.mode` defaults to
    `PassThrough`, which traces only requests that arrive already sampled upstream; monitoring is
    the customer's side of the shared responsibility model. Low: observability.
  EOT
  remediation = "Add `tracing_config { mode = \"Active\" }` and allow the execution role `xray:PutTraceSegments` and `xray:PutTelemetryRecords` (the AWSXRayDaemonWriteAccess policy)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#tracing_config",
    "https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html",
  ]

  assert {
    attribute "tracing_config.mode" {
      equals  = "Active"
      default = "PassThrough"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_lambda_function" "api" {  # expect: aws-lambda-tracing
        function_name = "api"
        role          = "arn:aws:iam::123456789012:role/api"
        runtime       = "python3.12"
        handler       = "app.handler"
        filename      = "api.zip"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_lambda_function" "api" {
        function_name = "api"
        role          = "arn:aws:iam::123456789012:role/api"
        runtime       = "python3.12"
        handler       = "app.handler"
        filename      = "api.zip"

        tracing_config {
          mode = "Active"
        }
      }
    EOT
  }
}
