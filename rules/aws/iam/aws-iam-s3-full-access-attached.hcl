rule "aws-iam-s3-full-access-attached" {
  title     = "AWS managed AmazonS3FullAccess policy is attached to a role, user or group"
  severity  = "high"
  area      = "identity-access"
  resources = [
    "aws_iam_role_policy_attachment",
    "aws_iam_user_policy_attachment",
    "aws_iam_group_policy_attachment",
    "aws_iam_policy_attachment",
    "aws_iam_role",
  ]
  aliases = ["AVD-AWS-0345", "aws-iam-no-s3-full-access"]

  description = <<-EOT
    `arn:aws:iam::aws:policy/AmazonS3FullAccess` allows `s3:*` (and S3 Object Lambda) on every
    bucket of the account, and on buckets of other accounts whose policies allow it: read every
    object, delete buckets, rewrite bucket policies to make data public, turn off versioning and
    Object Lock. A workload that needs one bucket rarely needs that; if it is compromised, all the
    account's data goes with it. High: privilege over sensitive data far beyond the need. Granting
    permissions is the customer's side of the shared responsibility model. Hand-written policies
    that allow `s3:*` are reported by `aws-iam-policy-wildcard-actions`. This rule reads
    `policy_arn` of the attachment resources and `managed_policy_arns` of `aws_iam_role`.
  EOT
  remediation = <<-EOT
    Attach a policy limited to the actions and buckets the principal uses:

        resource "aws_iam_role_policy_attachment" "app_reports" {
          role       = aws_iam_role.app.name
          policy_arn = aws_iam_policy.reports_read.arn
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role_policy_attachment",
    "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonS3FullAccess.html",
  ]

  assert {
    attribute "policy_arn" {
      not_matches = "^arn:aws[a-z-]*:iam::aws:policy/AmazonS3FullAccess$"
      default     = ""
    }
    attribute "managed_policy_arns" {
      not_contains = "arn:aws:iam::aws:policy/AmazonS3FullAccess"
      default      = []
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_role_policy_attachment" "app_s3" {
        role       = "app"
        policy_arn = "arn:aws:iam::aws:policy/AmazonS3FullAccess"  # expect: aws-iam-s3-full-access-attached
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_policy_attachment" "s3" {
        name       = "s3"
        roles      = ["app", "batch"]
        policy_arn = "arn:aws:iam::aws:policy/AmazonS3FullAccess"  # expect: aws-iam-s3-full-access-attached
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_iam_role_policy_attachment" "app_s3" {
        role       = "app"
        policy_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
      }
    EOT
  }
}
