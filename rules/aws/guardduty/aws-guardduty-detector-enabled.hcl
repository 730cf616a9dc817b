rule "aws-guardduty-detector-enabled" {
  title     = "GuardDuty detector is disabled"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_guardduty_detector"]

  description = <<-EOT
    GuardDuty analyses CloudTrail, VPC flow logs and DNS queries for signs of compromise: stolen
    credentials used from unusual places, crypto-mining instances, calls to known command and
    control hosts. A detector with `enable = false` exists but stops producing findings, so the
    account looks monitored while it is not. `enable` defaults to `true`. Medium: a gap in
    detection rather than an exposure. Turning on and acting on threat detection is the
    customer's side of the shared responsibility model.
  EOT
  remediation = <<-EOT
    Enable the detector:

        resource "aws_guardduty_detector" "main" {
          enable                       = true
          finding_publishing_frequency = "FIFTEEN_MINUTES"
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/guardduty_detector",
    "https://docs.aws.amazon.com/guardduty/latest/ug/what-is-guardduty.html",
  ]

  assert {
    attribute "enable" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_guardduty_detector" "main" {
        enable = false  # expect: aws-guardduty-detector-enabled
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_guardduty_detector" "main" {
        finding_publishing_frequency = "FIFTEEN_MINUTES"
      }
    EOT
  }
}
