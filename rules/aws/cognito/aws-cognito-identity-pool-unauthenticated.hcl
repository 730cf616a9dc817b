rule "aws-cognito-identity-pool-unauthenticated" {
  title     = "Cognito identity pool hands out AWS credentials to unauthenticated guests"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_cognito_identity_pool"]

  description = <<-EOT
    With `allow_unauthenticated_identities = true` anyone who knows the identity pool id (it ships
    inside every web and mobile client) can call `GetId` and `GetCredentialsForIdentity` and
    receive temporary AWS credentials for the pool's unauthenticated role, without signing in.
    Whatever that role allows, the whole internet can do; roles meant for "read the public
    catalogue" often grow to write to tables and buckets. `allow_unauthenticated_identities`
    defaults to `false`. Medium: the exposure is bounded by the guest role's policy, which this
    rule cannot see. The identities and roles handed out are the customer's configuration under
    the shared responsibility model. Applications that deliberately offer guest access should
    keep the guest role minimal and suppress this finding with the reason.
  EOT
  remediation = <<-EOT
    Turn guest access off, and require sign-in through a user pool or another provider:

        resource "aws_cognito_identity_pool" "app" {
          identity_pool_name               = "app"
          allow_unauthenticated_identities = false

          cognito_identity_providers {
            client_id     = aws_cognito_user_pool_client.app.id
            provider_name = aws_cognito_user_pool.users.endpoint
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_identity_pool",
    "https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools.html",
  ]

  assert {
    attribute "allow_unauthenticated_identities" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cognito_identity_pool" "app" {
        identity_pool_name               = "app"
        allow_unauthenticated_identities = true  # expect: aws-cognito-identity-pool-unauthenticated
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_cognito_identity_pool" "app" {
        identity_pool_name = "app"

        cognito_identity_providers {
          client_id     = "6lhlkkfbfb4q5kpp90urffae"
          provider_name = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Zr231apJu"
        }
      }
    EOT
  }
}
