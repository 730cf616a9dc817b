rule "aws-guardduty-detector-feature-disabled" {
  title     = "GuardDuty protection feature is turned off"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_guardduty_detector_feature"]

  description = <<-EOT
    Beyond its foundational sources, GuardDuty has protection plans that each watch one more kind
    of activity: S3 data events, EKS audit logs and runtime, EBS malware scanning, RDS login
    activity, Lambda network activity. An `aws_guardduty_detector_feature` with
    `status = "DISABLED"` is an explicit decision to leave that activity unwatched, for example
    reads of every object of a bucket with stolen credentials (S3 data events) or a reverse shell
    in a container (runtime monitoring). Low: the detector still runs; a source of detections is
    missing. Choosing which threats to detect is the customer's side of the shared responsibility
    model. Features for services the account does not use may have this finding suppressed with
    the reason.
  EOT
  remediation = <<-EOT
    Enable the feature:

        resource "aws_guardduty_detector_feature" "s3" {
          detector_id = aws_guardduty_detector.main.id
          name        = "S3_DATA_EVENTS"
          status      = "ENABLED"
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/guardduty_detector_feature",
    "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty-features-activation-model.html",
  ]

  assert {
    # `status` is required.
    attribute "status" {
      equals = "ENABLED"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_guardduty_detector" "main" {
        enable = true
      }

      resource "aws_guardduty_detector_feature" "s3" {
        detector_id = aws_guardduty_detector.main.id
        name        = "S3_DATA_EVENTS"
        status      = "DISABLED"  # expect: aws-guardduty-detector-feature-disabled
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_guardduty_detector" "main" {
        enable = true
      }

      resource "aws_guardduty_detector_feature" "s3" {
        detector_id = aws_guardduty_detector.main.id
        name        = "S3_DATA_EVENTS"
        status      = "ENABLED"
      }
    EOT
  }
}
