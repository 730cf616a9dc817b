rule "aws-lambda-dead-letter-queue" {
  title     = "Lambda function has no dead-letter queue for failed asynchronous events"
  severity  = "low"
  area      = "application-workload"
  resources = ["aws_lambda_function"]
  aliases   = ["CKV_AWS_116"]

  description = <<-EOT
    Events delivered asynchronously (S3, SNS, EventBridge) that still fail after Lambda's retries
    are dropped unless the function has a dead-letter queue or an on-failure destination. Lost
    events mean silently missed processing, such as security events never handled or records
    never written, and no evidence to investigate. Error handling is the customer's application
    design under the shared responsibility model. Low: reliability and auditability. Functions
    invoked only synchronously, or with an `aws_lambda_function_event_invoke_config` on-failure
    destination, should suppress the finding.
  EOT
  remediation = "Add `dead_letter_config { target_arn = aws_sqs_queue.NAME.arn }` (or an SNS topic) and allow the execution role to send to it."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#dead_letter_config",
    "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html",
  ]

  assert {
    attribute "dead_letter_config.target_arn" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_lambda_function" "ingest" {  # expect: aws-lambda-dead-letter-queue
        function_name = "ingest"
        role          = "arn:aws:iam::123456789012:role/ingest"
        runtime       = "python3.12"
        handler       = "app.handler"
        filename      = "ingest.zip"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_sqs_queue" "ingest_dlq" {
        name                    = "ingest-dlq"
        sqs_managed_sse_enabled = true
      }

      resource "aws_lambda_function" "ingest" {
        function_name = "ingest"
        role          = "arn:aws:iam::123456789012:role/ingest"
        runtime       = "python3.12"
        handler       = "app.handler"
        filename      = "ingest.zip"

        dead_letter_config {
          target_arn = aws_sqs_queue.ingest_dlq.arn
        }
      }
    EOT
  }
}
