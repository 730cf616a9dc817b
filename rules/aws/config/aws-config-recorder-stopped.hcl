rule "aws-config-recorder-stopped" {
  title     = "AWS Config recorder is stopped"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_config_configuration_recorder_status"]
  compliance = {
    "cis-aws-1.4" = ["3.5"]
    "cis-aws-3.0" = ["3.3"]
  }

  description = <<-EOT
    A configuration recorder does nothing until it is started: `is_enabled = false` on its
    `aws_config_configuration_recorder_status` keeps it stopped, so no configuration changes are
    recorded and Config rules, conformance packs and the Security Hub controls that depend on them
    evaluate nothing new. The account looks monitored while it is not. Medium: a gap in detection
    and in the audit history of resource changes. What the customer records and reviews is the
    customer's side of the shared responsibility model.
  EOT
  remediation = <<-EOT
    Start the recorder (after its delivery channel exists):

        resource "aws_config_configuration_recorder_status" "main" {
          name       = aws_config_configuration_recorder.main.name
          is_enabled = true
          depends_on = [aws_config_delivery_channel.main]
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/config_configuration_recorder_status",
    "https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html",
  ]

  assert {
    # `is_enabled` is required.
    attribute "is_enabled" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_config_configuration_recorder_status" "main" {
        name       = "main"
        is_enabled = false  # expect: aws-config-recorder-stopped
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_config_configuration_recorder_status" "main" {
        name       = "main"
        is_enabled = true
      }
    EOT
  }
}
