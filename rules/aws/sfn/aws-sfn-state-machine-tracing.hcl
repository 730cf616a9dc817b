rule "aws-sfn-state-machine-tracing" {
  title     = "Step Functions state machine does not send traces to X-Ray"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_sfn_state_machine"]
  aliases   = ["CKV_AWS_284"]

  description = <<-EOT
    X-Ray tracing follows a request from the state machine into the Lambda functions, queues and
    APIs it calls, which is how an unexpected call path, a slow dependency or an error injected
    upstream is found. `tracing_configuration.enabled` defaults to `false`. Observability of the
    workload is the customer's side of the shared responsibility model. Low: it helps detection
    and investigation but exposes nothing by its absence.
  EOT
  remediation = <<-EOT
    Enable tracing:

        resource "aws_sfn_state_machine" "orders" {
          # ...
          tracing_configuration {
            enabled = true
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sfn_state_machine#tracing_configuration",
    "https://docs.aws.amazon.com/step-functions/latest/dg/concepts-xray-tracing.html",
  ]

  assert {
    attribute "tracing_configuration.enabled" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_sfn_state_machine" "orders" {  # expect: aws-sfn-state-machine-tracing
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
        role_arn = "arn:aws:iam::123456789012:role/orders-sfn"
        definition = jsonencode({
          StartAt = "Done"
          States  = { Done = { Type = "Succeed" } }
        })
        tracing_configuration {
          enabled = false  # expect: aws-sfn-state-machine-tracing
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_sfn_state_machine" "orders" {
        name     = "orders"
        role_arn = "arn:aws:iam::123456789012:role/orders-sfn"
        definition = jsonencode({
          StartAt = "Done"
          States  = { Done = { Type = "Succeed" } }
        })
        tracing_configuration {
          enabled = true
        }
      }
    EOT
  }
}
