rule "aws-iam-policy-wildcard-actions" {
  title     = "IAM policy allows every action, or every action of a service"
  severity  = "high"
  area      = "identity-access"
  resources = ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy", "aws_iam_role"]
  aliases   = ["CKV_AWS_63", "AVD-AWS-0057", "aws-iam-no-policy-wildcards"]

  description = <<-EOT
    An `Allow` statement whose `Action` is `*` or `service:*`, or that uses `NotAction`, grants
    every current and future action of the service, including the ones that change its
    permissions (`s3:PutBucketPolicy`, `kms:PutKeyPolicy`, `iam:*` for privilege escalation) and
    destroy data. A leaked credential or a compromised workload holding such a policy can do far
    more than the job it was written for. IAM is entirely the customer's side of the shared
    responsibility model: AWS enforces exactly the permissions you write. This rule checks the
    `policy` of `aws_iam_policy`, `aws_iam_role_policy`, `aws_iam_user_policy` and
    `aws_iam_group_policy`, and the `inline_policy` blocks of `aws_iam_role`.
  EOT
  remediation = "List the specific actions the principal needs (for example `s3:GetObject`, `s3:PutObject`) instead of `*` or `service:*`, and replace `NotAction` allows with explicit action lists. IAM Access Analyzer can generate a policy from CloudTrail activity."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_policy",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html",
  ]

  assert {
    # aws_iam_policy, aws_iam_*_policy: `policy`; absent on aws_iam_role, which is compliant.
    builtin "iam-no-wildcard-actions" {
      attribute = "policy"
    }
    # aws_iam_role inline policies.
    each "inline_policy" {
      builtin "iam-no-wildcard-actions" {
        attribute = "policy"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_policy" "s3" {
        name = "s3-everything"
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect   = "Allow"
            Action   = "s3:*"  # expect: aws-iam-policy-wildcard-actions
            Resource = "arn:aws:s3:::example-data/*"
          }]
        })
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_role_policy" "app" {
        name = "app"
        role = "app"

        policy = <<POLICY
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Effect": "Allow",
            "Action": "*",
            "Resource": "arn:aws:dynamodb:eu-west-1:123456789012:table/orders"
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
      resource "aws_iam_role" "app" {
        name = "app"
        assume_role_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Action    = "sts:AssumeRole"
            Principal = { Service = "ec2.amazonaws.com" }
          }]
        })

        inline_policy {
          name = "dynamodb"
          policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect   = "Allow"
              Action   = ["dynamodb:*"]  # expect: aws-iam-policy-wildcard-actions
              Resource = "*"
            }]
          })
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_iam_policy" "s3" {
        name = "s3-read-write"
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect   = "Allow"
            Action   = ["s3:GetObject", "s3:PutObject"]
            Resource = "arn:aws:s3:::example-data/*"
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_iam_user_policy" "deny_all" {
        name = "deny-all"
        user = "contractor"

        policy = <<POLICY
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Effect": "Deny",
            "Action": "*",
            "Resource": "*"
          }
        ]
      }
      POLICY
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_iam_role" "app" {
        name = "app"
        assume_role_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Action    = "sts:AssumeRole"
            Principal = { Service = "ec2.amazonaws.com" }
          }]
        })

        inline_policy {
          name = "dynamodb"
          policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect   = "Allow"
              Action   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"]
              Resource = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders"
            }]
          })
        }
      }
    EOT
  }
}
