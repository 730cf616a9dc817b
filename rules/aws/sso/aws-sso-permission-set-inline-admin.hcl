rule "aws-sso-permission-set-inline-admin" {
  title     = "IAM Identity Center permission set inline policy grants full administrator access"
  severity  = "high"
  area      = "identity-access"
  resources = ["aws_ssoadmin_permission_set_inline_policy"]

  description = <<-EOT
    A permission set's inline policy becomes a policy of the role IAM Identity Center creates in
    every account the permission set is assigned to. A statement allowing `Action: "*"` (or
    `NotAction`) on `Resource: "*"` makes every user and group assigned to it an administrator
    of each of those accounts: they can create users and access keys, change any policy and turn
    off CloudTrail and GuardDuty. Administrator access should be one deliberate, reviewed
    permission set built on the AWS managed `AdministratorAccess` policy and assigned to few
    people, not a hand-written inline policy that is easy to assign by mistake and hard to spot in
    review. High rather than critical: the holders are authenticated workforce users. Who may do
    what is wholly the customer's side of the shared responsibility model.
  EOT
  remediation = <<-EOT
    Grant the actions and resources the job needs in the inline policy, and keep administrator
    access in a separate permission set:

        resource "aws_ssoadmin_permission_set_inline_policy" "deploy" {
          instance_arn       = aws_ssoadmin_permission_set.deploy.instance_arn
          permission_set_arn = aws_ssoadmin_permission_set.deploy.arn
          inline_policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect   = "Allow"
              Action   = ["ecs:UpdateService", "ecs:DescribeServices"]
              Resource = "arn:aws:ecs:eu-west-1:111111111111:service/prod/*"
            }]
          })
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ssoadmin_permission_set_inline_policy",
    "https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html",
  ]

  assert {
    builtin "iam-no-admin" {
      attribute = "inline_policy"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ssoadmin_permission_set_inline_policy" "ops" {
        instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
        permission_set_arn = "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111"
        inline_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect   = "Allow"
            Action   = "*"  # expect: aws-sso-permission-set-inline-admin
            Resource = "*"
          }]
        })
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      data "aws_iam_policy_document" "ops" {
        statement {
          not_actions = ["iam:CreateUser"]  # expect: aws-sso-permission-set-inline-admin
          resources   = ["*"]
        }
      }

      resource "aws_ssoadmin_permission_set_inline_policy" "ops" {
        instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
        permission_set_arn = "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111"
        inline_policy      = data.aws_iam_policy_document.ops.json
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_ssoadmin_permission_set_inline_policy" "deploy" {
        instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
        permission_set_arn = "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111"
        inline_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect   = "Allow"
            Action   = ["ecs:UpdateService", "ecs:DescribeServices"]
            Resource = "arn:aws:ecs:eu-west-1:111111111111:service/prod/*"
          }]
        })
      }
    EOT
  }
}
