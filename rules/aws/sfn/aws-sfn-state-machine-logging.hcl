rule "aws-sfn-state-machine-logging" {
  title     = "Step Functions state machine does not log its executions"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_sfn_state_machine"]
  aliases   = ["CKV_AWS_285"]

  description = <<-EOT
    Execution history events show which states ran, with which input and output, and where an
    execution failed. Standard workflows keep a short history in the service, but Express
    workflows keep none at all, and neither sends it anywhere you can alert on or retain. Without
    `logging_configuration` (or with `level = "OFF"`, the default) a misused or failing workflow
    leaves no trail in CloudWatch Logs. Logging is the customer's choice under the shared
    responsibility model. Medium: a gap in detection and investigation.
  EOT
  remediation = <<-EOT
    Send execution history to a log group (`ERROR` or `FATAL` keeps the volume low; set
    `include_execution_data = false` when inputs hold sensitive data):

        resource "aws_sfn_state_machine" "orders" {
          # ...
          logging_configuration {
            log_destination        = "$${aws_cloudwatch_log_group.sfn.arn}:*"
            include_execution_data = false
            level                  = "ERROR"
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sfn_state_machine#logging_configuration",
    "https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html",
  ]

  assert {
    attribute "logging_configuration.level" {
      one_of  = ["ALL", "ERROR", "FATAL"]
      default = "OFF"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_sfn_state_machine" "orders" {  # expect: aws-sfn-state-machine-logging
        name     = "orders"
        role_arn = "arn:aws:iam::123456789012:role/orders-sfn"
        definition = jsonencode({
          StartAt = "Done"
          States  = { Done = { Type = "Succeed" } }
        })
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_sfn_state_machine" "orders" {
        name     = "orders"
        type     = "EXPRESS"
        role_arn = "arn:aws:iam::123456789012:role/orders-sfn"
        definition = jsonencode({
          StartAt = "Done"
          States  = { Done = { Type = "Succeed" } }
        })
        logging_configuration {
          level = "OFF"  # expect: aws-sfn-state-machine-logging
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_cloudwatch_log_group" "sfn" {
        name              = "/aws/vendedlogs/states/orders"
        retention_in_days = 365
      }
      resource "aws_sfn_state_machine" "orders" {
        name     = "orders"
        role_arn = "arn:aws:iam::123456789012:role/orders-sfn"
        definition = jsonencode({
          StartAt = "Done"
          States  = { Done = { Type = "Succeed" } }
        })
        logging_configuration {
          log_destination        = "$${aws_cloudwatch_log_group.sfn.arn}:*"
          include_execution_data = false
          level                  = "ERROR"
        }
      }
    EOT
  }
}
