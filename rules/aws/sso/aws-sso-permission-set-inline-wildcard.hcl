rule "aws-sso-permission-set-inline-wildcard" {
  title     = "IAM Identity Center permission set inline policy allows wildcard actions"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_ssoadmin_permission_set_inline_policy"]

  description = <<-EOT
    An inline policy statement allowing `service:*` (or `*`, or `NotAction`) grants every action
    of the service, today's and those AWS adds later, in every account the permission set is
    assigned to. `s3:*` includes deleting buckets and rewriting bucket policies; `iam:*` includes
    making oneself an administrator. Listing the actions the job needs keeps each assigned user to
    least privilege and makes a review of the permission set meaningful. Medium: the holders are
    authenticated workforce users, and the grant is usually scoped to some resources; full
    administrator grants are reported by `aws-sso-permission-set-inline-admin`. Who may do what is
    the customer's side of the shared responsibility model.
  EOT
  remediation = <<-EOT
    Replace `service:*` with the actions the job needs:

        resource "aws_ssoadmin_permission_set_inline_policy" "analyst" {
          instance_arn       = aws_ssoadmin_permission_set.analyst.instance_arn
          permission_set_arn = aws_ssoadmin_permission_set.analyst.arn
          inline_policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect   = "Allow"
              Action   = ["s3:GetObject", "s3:ListBucket"]
              Resource = ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]
            }]
          })
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ssoadmin_permission_set_inline_policy",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
  ]

  assert {
    builtin "iam-no-wildcard-actions" {
      attribute = "inline_policy"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ssoadmin_permission_set_inline_policy" "analyst" {
        instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
        permission_set_arn = "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-2222222222222222"
        inline_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect   = "Allow"
            Action   = "s3:*"  # expect: aws-sso-permission-set-inline-wildcard
            Resource = ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]
          }]
        })
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ssoadmin_permission_set_inline_policy" "analyst" {
        instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
        permission_set_arn = "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-2222222222222222"
        inline_policy      = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["dynamodb:*"],
      "Resource": "arn:aws:dynamodb:eu-west-1:111111111111:table/reports"
    }
  ]
}
POLICY
      }
    EOT
    lines = [4]
  }

  example "good" {
    code = <<-EOT
      resource "aws_ssoadmin_permission_set_inline_policy" "analyst" {
        instance_arn       = "arn:aws:sso:::instance/ssoins-1111111111111111"
        permission_set_arn = "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-2222222222222222"
        inline_policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect   = "Allow"
            Action   = ["s3:GetObject", "s3:ListBucket"]
            Resource = ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]
          }]
        })
      }
    EOT
  }
}
