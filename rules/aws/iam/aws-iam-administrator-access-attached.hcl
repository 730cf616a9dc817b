rule "aws-iam-administrator-access-attached" {
  title     = "AWS managed AdministratorAccess policy is attached to a role, user or group"
  severity  = "high"
  area      = "identity-access"
  resources = [
    "aws_iam_role_policy_attachment",
    "aws_iam_user_policy_attachment",
    "aws_iam_group_policy_attachment",
    "aws_iam_policy_attachment",
    "aws_iam_role",
  ]
  aliases = ["CKV_AWS_274"]
  compliance = {
    "cis-aws-1.4" = ["1.16"]
    "cis-aws-3.0" = ["1.16"]
  }

  description = <<-EOT
    `arn:aws:iam::aws:policy/AdministratorAccess` allows every action on every resource: whoever
    holds the role, user or group it is attached to can create users and keys, change any policy,
    read all data and turn off CloudTrail and GuardDuty. Attached to a workload's role (a CI
    runner, a Lambda function, an instance profile) it turns any compromise of that workload into
    a compromise of the whole account. High: privilege far beyond what any workload needs.
    Granting permissions is wholly the customer's side of the shared responsibility model. Human
    administrator access belongs in one MFA-protected role or IAM Identity Center permission set;
    if this attachment is that break-glass role, suppress the finding with the reason. This rule
    reads `policy_arn` of the attachment resources and `managed_policy_arns` of `aws_iam_role`.
  EOT
  remediation = <<-EOT
    Attach a policy with the actions the principal needs instead, for example a job-function
    policy or your own least-privilege policy:

        resource "aws_iam_role_policy_attachment" "deploy" {
          role       = aws_iam_role.deploy.name
          policy_arn = aws_iam_policy.deploy.arn
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role_policy_attachment",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html",
  ]

  assert {
    attribute "policy_arn" {
      not_matches = "^arn:aws[a-z-]*:iam::aws:policy/AdministratorAccess$"
      default     = ""
    }
    attribute "managed_policy_arns" {
      not_contains = "arn:aws:iam::aws:policy/AdministratorAccess"
      default      = []
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_role" "ci" {
        name = "ci"
        assume_role_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = { Service = "codebuild.amazonaws.com" }
            Action    = "sts:AssumeRole"
          }]
        })
      }

      resource "aws_iam_role_policy_attachment" "ci_admin" {
        role       = aws_iam_role.ci.name
        policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"  # expect: aws-iam-administrator-access-attached
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_role" "ci" {
        name                = "ci"
        managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]  # expect: aws-iam-administrator-access-attached
        assume_role_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = { Service = "codebuild.amazonaws.com" }
            Action    = "sts:AssumeRole"
          }]
        })
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_group_policy_attachment" "ops" {
        group      = "ops"
        policy_arn = "arn:aws-us-gov:iam::aws:policy/AdministratorAccess"  # expect: aws-iam-administrator-access-attached
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_iam_role_policy_attachment" "ci_read" {
        role       = "ci"
        policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
      }

      resource "aws_iam_role_policy_attachment" "ci_amplify" {
        role       = "ci"
        policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess-Amplify"
      }
    EOT
  }
}
