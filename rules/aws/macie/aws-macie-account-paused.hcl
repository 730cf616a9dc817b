rule "aws-macie-account-paused" {
  title     = "Amazon Macie is paused for the account"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_macie2_account"]

  description = <<-EOT
    Macie inventories the account's S3 buckets, reports the ones that are public, shared or
    unencrypted, and finds sensitive data in them. With `status = "PAUSED"` it stops all of that
    while the account looks covered; existing findings age and new public buckets go unnoticed.
    `status` defaults to `ENABLED`. Low: a gap in data discovery and detection, not an exposure.
    Knowing where sensitive data lives is the customer's side of the shared responsibility model.
  EOT
  remediation = <<-EOT
    Resume Macie (or remove the resource if Macie is deliberately not used):

        resource "aws_macie2_account" "main" {
          finding_publishing_frequency = "FIFTEEN_MINUTES"
          status                       = "ENABLED"
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/macie2_account",
    "https://docs.aws.amazon.com/macie/latest/user/macie-suspend-disable.html",
  ]

  assert {
    attribute "status" {
      equals  = "ENABLED"
      default = "ENABLED"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_macie2_account" "main" {
        status = "PAUSED"  # expect: aws-macie-account-paused
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_macie2_account" "main" {
        finding_publishing_frequency = "FIFTEEN_MINUTES"
      }
    EOT
  }
}
