rule "aws-iam-policy-admin" {
  title     = "IAM policy grants full administrator access (every action on every resource)"
  severity  = "critical"
  area      = "identity-access"
  resources = ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy", "aws_iam_role"]
  aliases   = ["CKV_AWS_62"]
  compliance = {
    "cis-aws-1.4" = ["1.16"]
    "cis-aws-3.0" = ["1.16"]
  }

  description = <<-EOT
    A statement that allows `Action: "*"` (or `NotAction`) on `Resource: "*"` makes its holder an
    administrator of the whole account: it can read and delete every resource, create new users
    and access keys, change any policy and turn off CloudTrail and GuardDuty. Whoever obtains
    the credential of a user, role or group carrying it owns the account. Granting permissions is
    wholly the customer's responsibility under the shared responsibility model. Keep
    administrative access to a few break-glass roles, managed through the AWS managed
    `AdministratorAccess` policy or IAM Identity Center, and not hand-written into policies
    attached to workloads. This rule checks the `policy` of `aws_iam_policy`,
    `aws_iam_role_policy`, `aws_iam_user_policy` and `aws_iam_group_policy`, and the
    `inline_policy` blocks of `aws_iam_role`.
  EOT
  remediation = "Replace the `*`/`*` statement with the specific actions and resource ARNs the principal needs; give human administrators a separate, MFA-protected role."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_policy",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html",
  ]

  assert {
    builtin "iam-no-admin" {
      attribute = "policy"
    }
    each "inline_policy" {
      builtin "iam-no-admin" {
        attribute = "policy"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_policy" "admin" {
        name = "admin"
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect   = "Allow"
            Action   = "*"  # expect: aws-iam-policy-admin
            Resource = "*"
          }]
        })
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_group_policy" "ops" {
        name  = "ops"
        group = "ops"

        policy = <<POLICY
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Effect": "Allow",
            "Action": ["*"],
            "Resource": ["*"]
          }
        ]
      }
      POLICY
      }
    EOT
    lines = [5]
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_role" "ci" {
        name = "ci"
        assume_role_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Action    = "sts:AssumeRole"
            Principal = { Service = "codebuild.amazonaws.com" }
          }]
        })

        inline_policy {
          name = "everything"
          policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect   = "Allow"
              Action   = "*"  # expect: aws-iam-policy-admin
              Resource = "*"
            }]
          })
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_iam_policy" "logs" {
        name = "logs-read"
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect   = "Allow"
            Action   = ["logs:GetLogEvents", "logs:FilterLogEvents"]
            Resource = "*"
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_iam_role_policy" "bucket" {
        name = "bucket"
        role = "app"

        policy = <<POLICY
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Effect": "Allow",
            "Action": "*",
            "Resource": "arn:aws:s3:::example-scratch/*"
          }
        ]
      }
      POLICY
      }
    EOT
  }
}
